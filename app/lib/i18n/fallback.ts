import type { MessageKey } from './catalogue'

/**
 * The words of the error page and the bare layout, for when the root loader itself failed (the
 * database went away) and the browser has no catalogue: Dutch, the default language. A unit test
 * keeps them equal to the catalogue.
 */
export const fallbackMessages: Partial<Record<MessageKey, string>> = {
  'app.name': 'Werkbrug',
  'app.footer': 'Werkbrug — gebaseerd op de pilot Toeleiding naar Werk Almere (2022–2023).',
  'nav.main': 'Hoofdmenu',
  'nav.skipToContent': 'Naar de inhoud',
  'nav.home': 'Start',
  'nav.login': 'Inloggen',
  'nav.register': 'Registreren',
  'language.switch': 'English',
  'language.switchHint': 'Switch to English',
  'error.title': 'Er ging iets mis',
  'error.notFound': 'Deze pagina bestaat niet, of u heeft er geen toegang toe.',
  'error.forbidden': 'U heeft geen toegang tot deze pagina.',
  'error.generic': 'Er ging iets mis aan onze kant. Probeer het later opnieuw.',
}
