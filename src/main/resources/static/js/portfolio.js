// Portfolio overview: a changed filter applies at once (the form still works without this script).
(function () {
  'use strict';
  var form = document.querySelector('form.filters');
  if (!form) {
    return;
  }
  form.querySelectorAll('.autosubmit').forEach(function (field) {
    field.addEventListener('change', function () {
      form.submit();
    });
  });
})();
