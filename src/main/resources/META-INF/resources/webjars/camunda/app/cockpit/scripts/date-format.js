/*
 * City Deal Engine: applies the dateFormat of config.js in Cockpit, which (unlike Tasklist) does not read it
 * itself in 7.24. Listed in config.js customScripts; the webapp imports it before AngularJS starts, so this
 * config block runs after the app's own and its formats win.
 */

const formats = (window.camCockpitConf || {}).dateFormat || {};

window.angular.module('cam.cockpit').config(['camDateFormatProvider', provider => {
  Object.entries(formats).forEach(([name, format]) => provider.setDateFormat(format, name));
}]);
