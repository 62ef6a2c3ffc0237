// The decision table editor of the model editor page: dmn-js (decision tables, DRD and literal expressions) with
// the camunda DMN moddle extension, so camunda:* attributes survive an edit.
import DmnModeler from 'dmn-js/lib/Modeler';
import camundaDmnModdle from 'camunda-dmn-moddle/resources/camunda.json';

window.CityDealDmnModeler = {
  create: function (container) {
    return new DmnModeler({
      container: container,
      moddleExtensions: { camunda: camundaDmnModdle }
    });
  }
};
