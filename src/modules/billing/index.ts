import type { AppModule } from '../../core/module.js';
import { billingRoutes } from './billing.routes.js';

/** Plans and Stripe billing: the webhook that makes accounts pro and free again (seed 003 §7). */
export const billingModule: AppModule = { name: 'billing', routes: billingRoutes };
