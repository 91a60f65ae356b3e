import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import path from 'node:path'

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number }
      server.close(() => resolve(port))
    })
  })
}

export type RunningPortal = { url: string; output: () => string; stop: () => Promise<void> }

/**
 * The portal as `npm start` runs it (after the build npm test made): its own process, a fresh
 * embedded database in a temporary folder, demo data, the production build.
 */
export async function startPortal(envOverrides: Record<string, string> = {}): Promise<RunningPortal> {
  const port = await freePort()
  const dataDir = mkdtempSync(path.join(tmpdir(), 'werkbrug-e2e-'))
  const url = `http://127.0.0.1:${port}`
  let output = ''
  const child: ChildProcess = spawn(path.resolve('node_modules/.bin/tsx'), ['app/server/main.ts'], {
    env: {
      ...process.env,
      // The demo, as the README's first command runs it: not production, no SMTP (local mailbox).
      NODE_ENV: 'development',
      PORT: String(port),
      HOST: '127.0.0.1',
      APP_URL: url,
      DATA_DIR: dataDir,
      DATABASE_URL: '',
      SMTP_URL: '',
      SESSION_SECRET: 'e2e-session-secret-that-is-long-enough',
      ...envOverrides,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  child.stdout!.on('data', (chunk) => (output += chunk))
  child.stderr!.on('data', (chunk) => (output += chunk))

  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`portal did not start:\n${output}`)), 90_000)
    const check = () => {
      if (output.includes('Werkbrug is running at')) {
        clearTimeout(timer)
        resolve()
      }
    }
    child.stdout!.on('data', check)
    child.once('exit', (code) => {
      clearTimeout(timer)
      reject(new Error(`portal exited with ${code}:\n${output}`))
    })
  })

  return {
    url,
    output: () => output,
    stop: async () => {
      const exited = new Promise((resolve) => child.once('exit', resolve))
      child.kill('SIGTERM')
      await exited
      rmSync(dataDir, { recursive: true, force: true })
    },
  }
}
