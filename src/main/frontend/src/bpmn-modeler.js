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
      moddleExtensions: { camunda: camundaModdle }
    });
  }
};
