/** The AutoSend simulator's public face: what tests, the demo and the benchmarks import. */
export { AutoSendSimulator, startAutoSendSimulator, type AutoSendSimulatorOptions } from './simulator';
export { AUTOSEND_WEBHOOK_EVENTS } from './routes/webhooks';
export {
	GLOBAL_CONTACT_LIST,
	type AsContact,
	type AsList,
	type AsListType,
	type AsWebhook,
	type AutoSendState,
	type AutoSendStats,
	type ContactInput,
} from './state';
export { signAutoSendPayload, type AsDelivery } from './webhookDelivery';
