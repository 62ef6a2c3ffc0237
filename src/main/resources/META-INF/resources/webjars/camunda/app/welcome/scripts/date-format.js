/*
 * City Deal Engine: applies the dateFormat of config.js in Welcome, which (unlike Tasklist) does not read it
 * itself in 7.24. Listed in config.js customScripts; the webapp imports it before AngularJS starts, so this
 * config block runs after the app's own and its formats win.
 */

const formats = (window.camWelcomeConf || {}).dateFormat || {};

window.angular.module('cam.welcome').config(['camDateFormatProvider', provider => {
  Object.entries(formats).forEach(([name, format]) => provider.setDateFormat(format, name));
}]);
