/*
 * City Deal Engine: configuration of Camunda 7.24 Admin.
 * Overrides the webjar's app/admin/scripts/config.js (same structure; see its comments for all options); what all
 * four webapps share is in app/citydeal/webapp-config.js.
 */
import webappConfig from '../../citydeal/webapp-config.js';

export default webappConfig('Beheer', {
  // ES modules below app/admin/ (".js" is appended). Admin 7.24 does not apply the configured dateFormat
  // itself: ../citydeal/date-format.js does.
  customScripts: ['../citydeal/date-format']
});
