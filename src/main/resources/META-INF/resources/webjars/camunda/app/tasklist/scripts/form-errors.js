/*
 * City Deal Engine: when the server refuses a task form or the start form (bad input answers 400 with a Dutch
 * message, e.g. "De looptijd moet minstens 6 maanden zijn"), Tasklist shows that message next to the form, at
 * its foot by the buttons, instead of as a notification (which the start form's window hides and
 * which covers the task's buttons). Tasklist reports both refusals through its Notifications service with the status
 * COMPLETE_ERROR or PROCESS_START_ERROR; this module takes those over while a form is on screen and leaves every
 * other notification alone. A form that Tasklist does not send because a field is still invalid gets a Dutch line
 * there too (form-js marks the field itself, in English). The message goes once the user changes the form or the
 * form goes.
 * Listed in config.js customScripts and registered on the header's action plugin point, which renders once
 * when Tasklist starts.
 */

const FORM_REFUSALS = ['COMPLETE_ERROR', 'PROCESS_START_ERROR'];
const BOX_CLASS = 'cde-form-error';
const NOT_SENT = 'Het formulier is nog niet verstuurd: vul de gemarkeerde velden in of verbeter ze.';

/** The form the user just submitted: the start form's window if open, else the task's form. */
function formOnScreen() {
  return (
    document.querySelector('.modal-content [cam-tasklist-form]') ||
    document.querySelector('.task-details [cam-tasklist-form], [cam-tasklist-form]')
  );
}

/** Whether form-js marks a field of the form on screen as invalid. */
function fieldsMarked() {
  const form = formOnScreen();
  return !!form && !!form.querySelector('.fjs-form-field-error, [aria-invalid="true"]');
}

function showNextToForm(message) {
  const form = formOnScreen();
  if (!form) {
    return false;
  }
  let box = form.querySelector('.' + BOX_CLASS);
  if (!box) {
    box = document.createElement('div');
    box.className = BOX_CLASS + ' alert alert-danger';
    box.setAttribute('role', 'alert');
    form.appendChild(box);
    form.addEventListener('input', () => box.remove(), { once: true });
    form.addEventListener('change', () => box.remove(), { once: true });
  }
  box.textContent = message;
  box.scrollIntoView({ block: 'nearest' });
  return true;
}

function takeOverFormRefusals() {
  const root = document.querySelector('[ng-app]') || document.documentElement;
  const injector = window.angular && window.angular.element(root).injector();
  if (!injector || !injector.has('Notifications') || !injector.has('$translate')) {
    return;
  }
  const notifications = injector.get('Notifications');
  const translate = injector.get('$translate');
  if (notifications.cdeFormRefusals) {
    return;
  }
  const addError = notifications.addError;
  notifications.addError = function (notification) {
    const refusals = FORM_REFUSALS.map(key => translate.instant(key));
    const message = notification && (notification.message || (fieldsMarked() ? NOT_SENT : ''));
    if (message && refusals.indexOf(notification.status) !== -1 && showNextToForm(message)) {
      return undefined;
    }
    return addError.apply(this, arguments);
  };
  notifications.cdeFormRefusals = true;
}

export default {
  id: 'city-deal-form-errors',
  pluginPoint: 'tasklist.navbar.action',
  priority: 0,
  render() {
    takeOverFormRefusals();
  }
};
