/*
 * City Deal Engine: what the four Camunda 7.24 webapps (Tasklist, Cockpit, Admin, Welcome) share in their
 * scripts/config.js, which each builds with webappConfig(name, settings of its own).
 */

// Dutch only. The webapp takes the browser's first language when it is listed here and the
// fallback otherwise, so with 'nl' as the only locale every browser gets Dutch (also an English one).
export const locales = {
  availableLocales: ['nl'],
  fallbackLocale: 'nl'
};

// Moment.js formats used by the camDate filter: Dutch day-month-year.
export const dateFormat = {
  monthName: 'MMMM',
  day: 'DD',
  abbr: 'D MMM YYYY HH:mm',
  normal: 'DD-MM-YYYY HH:mm',
  long: 'D MMMM YYYY HH:mm',
  short: 'DD-MM-YYYY'
};

// The header and window title read "City Deal Engine <name>"; no "Welcome to Camunda" box after the first login.
export default function webappConfig(name, settings = {}) {
  return {
    app: { name, vendor: 'City Deal Engine' },
    locales,
    dateFormat,
    disableWelcomeMessage: true,
    ...settings
  };
}
