// The form editor of the model editor page: form-js editor 1.8.7, the version Camunda 7.24's Tasklist renders
// (schemaVersion 16), so a form saved here renders in Tasklist as it did in the editor.
import { FormEditor, schemaVersion } from '@bpmn-io/form-js-editor';

window.CityDealFormEditor = {
  schemaVersion: schemaVersion,
  create: function (container) {
    return new FormEditor({ container: container });
  }
};
