// `npm run mail:catcher`: the tests' local SMTP server, printing every email it receives. The
// demo's mailbox page leaves out secret links (password reset, invitations, address
// confirmation); start the portal with the SMTP_URL below to receive those here, in your terminal.
import { startSmtpServer } from './smtp'

const port = Number(process.env.MAIL_CATCHER_PORT ?? 2525)
const smtp = await startSmtpServer({
  port,
  onReceived: (email) => {
    console.log(`\n── to ${email.to.join(', ')} · ${email.subject}\n${email.text.trim()}\n`)
  },
})
console.log(`Mail catcher listening. Start the portal with:\n  SMTP_URL=${smtp.url} npm start`)
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => void smtp.close().then(() => process.exit(0)))
