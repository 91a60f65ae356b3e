import { readdirSync } from 'node:fs'
import js from '@eslint/js'
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript'
import importX from 'eslint-plugin-import-x'
import reactHooks from 'eslint-plugin-react-hooks'
import globals from 'globals'
import tseslint from 'typescript-eslint'

const modules = readdirSync('app/modules', { withFileTypes: true }).filter((entry) => entry.isDirectory()).map((entry) => entry.name)

export default tseslint.config(
  { ignores: ['build/**', 'data/**', 'node_modules/**', 'tests/e2e/screenshots/**', '.cache/**', 'tests/contract/generated/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx,js,mjs}'],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'warn',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
    },
  },
  {
    // Authorisation lives in app/modules/authorisation: modules ask the policy (can) and read
    // through scopeOf(actor); a role compared by hand is how a tenant check gets forgotten.
    files: ['app/modules/**/*.{ts,tsx}'],
    ignores: ['app/modules/authorisation/**', '**/*.test.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        { selector: 'BinaryExpression > MemberExpression[property.name="role"]', message: 'Ask the policy (can/may) or scopeOf(actor) instead of comparing a role.' },
        { selector: 'BinaryExpression > MemberExpression[object.name="actor"][property.name="organisationId"]', message: 'Read tenant rows through scopeOf(actor).' },
        { selector: 'ImportSpecifier[imported.name="partyOf"]', message: 'Modules get the party from scopeOf(actor).party.' },
      ],
    },
  },
  {
    // The shape of the code: no import cycles; app/lib (env, forms, i18n, logging …) is the bottom
    // layer and imports no module, web glue or route; modules never import routes.
    files: ['app/**/*.{ts,tsx}', 'db/**/*.ts', 'emails/**/*.tsx'],
    plugins: { 'import-x': importX },
    settings: {
      ...importX.flatConfigs.typescript.settings,
      'import-x/resolver-next': [createTypeScriptImportResolver({ project: './tsconfig.json' })],
    },
    rules: {
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
      'import-x/no-restricted-paths': [
        'error',
        {
          zones: [
            { target: './app/lib', from: ['./app/modules', './app/web', './app/routes', './app/server'], message: 'app/lib is the bottom layer: move the code that needs a module to app/web.' },
            { target: './app/modules', from: ['./app/routes', './app/web', './app/server'], message: 'Modules do not know the web layer.' },
            // A module reaches another only through its public entry: index.ts (either side) or
            // index.server.ts (server only). What is not exported there is the module's own.
            ...modules.map((name) => ({
              target: `./app/modules/${name}`,
              from: './app/modules',
              except: [`./${name}`, ...modules.filter((other) => other !== name).flatMap((other) => [`./${other}/index.ts`, `./${other}/index.server.ts`])],
              message: `Import another module through its index.ts or index.server.ts, not a file inside it.`,
            })),
          ],
        },
      ],
    },
  },
)
