/*
 * City Deal Engine: configuration of Camunda 7.24 Tasklist.
 * Overrides the webjar's app/tasklist/scripts/config.js (same structure; see its comments for all options).
 */

export default {
  // Header and window title read "<vendor> <name>".
  app: {
    name: 'Takenlijst',
    vendor: 'City Deal Engine'
  },

  // Dutch only. The webapp takes the browser's first language when it is listed here and the
  // fallback otherwise, so with 'nl' as the only locale every browser gets Dutch (also an English one).
  locales: {
    availableLocales: ['nl'],
    fallbackLocale: 'nl'
  },

  // Moment.js formats used by the camDate filter.
  dateFormat: {
    monthName: 'MMMM',
    day: 'DD',
    abbr: 'D MMM YYYY HH:mm',
    normal: 'DD-MM-YYYY HH:mm',
    long: 'D MMMM YYYY HH:mm',
    short: 'DD-MM-YYYY'
  },

  // ES modules below app/tasklist/ (".js" is appended): the header link back to the portfolio overview, and
  // tasks listed by due date unless the user picks another order.
  customScripts: ['scripts/portfolio-link', 'scripts/due-date-sorting'],

  // No "Welcome to Camunda" box after the first login.
  disableWelcomeMessage: true,

  shortcuts: {
    claimTask: {
      key: 'ctrl+alt+c',
      description: 'claimt de geselecteerde taak'
    },
    focusFilter: {
      key: 'ctrl+shift+f',
      description: 'zet de focus op het eerste filter in de lijst'
    },
    focusList: {
      key: 'ctrl+alt+l',
      description: 'zet de focus op de eerste taak in de lijst'
    },
    focusForm: {
      key: 'ctrl+alt+f',
      description: 'zet de focus op het eerste invoerveld van een taakformulier'
    },
    startProcess: {
      key: 'ctrl+alt+p',
      description: 'opent het venster om een proces te starten'
    }
  }
};
