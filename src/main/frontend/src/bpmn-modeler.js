// The BPMN modeler of the model editor page: bpmn-js with the Camunda Platform 7 properties panel, the camunda
// moddle extension and bpmnlint (recommended + camunda-compat 7.24, compiled into the bundle at build time).
import BpmnModeler from 'bpmn-js/lib/Modeler';
import {
  BpmnPropertiesPanelModule,
  BpmnPropertiesProviderModule,
  CamundaPlatformPropertiesProviderModule
} from 'bpmn-js-properties-panel';
import CamundaPlatformBehaviorsModule from 'camunda-bpmn-js-behaviors/lib/camunda-platform';
import camundaModdle from 'camunda-bpmn-moddle/resources/camunda.json';
import LintingModule from 'bpmn-js-bpmnlint';
import lintConfig from '../generated/bpmnlint-config.js';

// moddle leaves out an attribute whose value is the descriptor's default when it saves, so
// camunda:decisionRefBinding="latest" in processes/ would disappear from a saved model (the same behaviour, but a
// change in the file and the review). Without the default it is kept as written; the properties panel shows
// "latest" for an unset binding itself.
const camunda = JSON.parse(JSON.stringify(camundaModdle));
camunda.types.forEach(function (type) {
  (type.properties || []).forEach(function (property) {
    if (property.name === 'decisionRefBinding') {
      delete property.default;
    }
  });
});

window.CityDealBpmnModeler = {
  create: function (container, propertiesParent) {
    return new BpmnModeler({
      container: container,
      propertiesPanel: { parent: propertiesParent },
      linting: { bpmnlint: lintConfig, active: true },
      additionalModules: [
        BpmnPropertiesPanelModule,
        BpmnPropertiesProviderModule,
        CamundaPlatformPropertiesProviderModule,
        CamundaPlatformBehaviorsModule,
        LintingModule
      ],
      moddleExtensions: { camunda: camunda }
    });
  }
};
