/*
 * City Deal Engine: configuration of Camunda 7.24 Tasklist.
 * Overrides the webjar's app/tasklist/scripts/config.js (same structure; see its comments for all options); what all
 * four webapps share is in app/citydeal/webapp-config.js.
 */

import webappConfig from '../../citydeal/webapp-config.js';

export default webappConfig('Takenlijst', {
  // ES modules below app/tasklist/ (".js" is appended): the header link back to the portfolio overview, tasks
  // listed by due date unless the user picks another order, a refused form's message shown next to the form, and
  // the form renderer's own texts in Dutch.
  customScripts: ['scripts/portfolio-link', 'scripts/due-date-sorting', 'scripts/form-errors', 'scripts/form-dutch'],

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
});
