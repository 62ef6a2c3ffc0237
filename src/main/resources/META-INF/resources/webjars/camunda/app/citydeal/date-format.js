/*
 * City Deal Engine: applies the dateFormat of config.js in Cockpit, Admin and Welcome, which (unlike Tasklist) do
 * not read it themselves in 7.24. Listed in each app's config.js customScripts; the webapp imports it before
 * AngularJS starts, so this config block runs after the app's own and its formats win.
 */

// The app that loaded this script: Cockpit's config is window.camCockpitConf and its module cam.cockpit, and so on.
const app = ['cockpit', 'admin', 'welcome']
  .find(name => window['cam' + name.charAt(0).toUpperCase() + name.slice(1) + 'Conf']);
const formats = (app && window['cam' + app.charAt(0).toUpperCase() + app.slice(1) + 'Conf'].dateFormat) || {};

if (app) {
  window.angular.module('cam.' + app).config(['camDateFormatProvider', provider => {
    Object.entries(formats).forEach(([name, format]) => provider.setDateFormat(format, name));
  }]);
}
