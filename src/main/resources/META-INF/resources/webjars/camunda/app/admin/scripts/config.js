/*
 * City Deal Engine: configuration of Camunda 7.24 Admin.
 * Overrides the webjar's app/admin/scripts/config.js (same structure; see its comments for all options); what all
 * four webapps share is in app/citydeal/webapp-config.js.
 */
import webappConfig from '../../citydeal/webapp-config.js';

export default webappConfig('Beheer', {
  // ES modules below app/admin/ (".js" is appended): the header link back to the portfolio overview, and the
  // configured dateFormat, which Admin 7.24 does not apply itself.
  customScripts: ['../citydeal/header-portfolio-link', '../citydeal/date-format']
});
