/*
 * City Deal Engine: configuration of Camunda 7.24 Cockpit.
 * Overrides the webjar's app/cockpit/scripts/config.js (same structure; see its comments for all options).
 */

export default {
  // Header and window title read "<vendor> <name>".
  app: {
    name: 'Cockpit',
    vendor: 'City Deal Engine'
  },

  // Dutch only. The webapp takes the browser's first language when it is listed here and the
  // fallback otherwise, so with 'nl' as the only locale every browser gets Dutch (also an English one).
  locales: {
    availableLocales: ['nl'],
    fallbackLocale: 'nl'
  },

  // Moment.js formats used by the camDate filter. Cockpit 7.24 does not read them from this
  // file itself (it hard-codes ISO timestamps): scripts/date-format.js applies them.
  dateFormat: {
    monthName: 'MMMM',
    day: 'DD',
    abbr: 'D MMM YYYY HH:mm',
    normal: 'DD-MM-YYYY HH:mm:ss',
    long: 'D MMMM YYYY HH:mm',
    short: 'DD-MM-YYYY'
  },

  // ES modules below app/cockpit/ (".js" is appended).
  customScripts: ['../citydeal/date-format'],

  // No "Welcome to Camunda" box after the first login.
  disableWelcomeMessage: true
};
