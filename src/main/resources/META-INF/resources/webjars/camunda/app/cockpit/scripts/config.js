/*
 * City Deal Engine: configuration of Camunda 7.24 Cockpit.
 * Overrides the webjar's app/cockpit/scripts/config.js (same structure; see its comments for all options); what all
 * four webapps share is in app/citydeal/webapp-config.js.
 */
import webappConfig, { dateFormat } from '../../citydeal/webapp-config.js';

export default webappConfig('Cockpit', {
  // Cockpit shows times of incidents and jobs to the second.
  dateFormat: { ...dateFormat, normal: 'DD-MM-YYYY HH:mm:ss' },

  // ES modules below app/cockpit/ (".js" is appended): the header link back to the portfolio overview, and the
  // configured dateFormat, which Cockpit 7.24 does not apply itself (it hard-codes ISO timestamps).
  customScripts: ['scripts/portfolio-link', '../citydeal/date-format']
});
