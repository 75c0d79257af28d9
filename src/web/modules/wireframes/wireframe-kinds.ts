/** The wireframe templates, for pickers and labels. */
import { generatableTemplates, wireframeTemplates, type GeneratableTemplate, type WireframeTemplate } from '../../../shared/workspace-kinds';

export { generatableTemplates, wireframeTemplates, type GeneratableTemplate, type WireframeTemplate };

export const templateLabels: Record<WireframeTemplate, string> = {
  list: 'List',
  detail: 'Detail',
  form: 'Form',
  dashboard: 'Dashboard',
  auth: 'Sign in',
  custom: 'Custom',
};
