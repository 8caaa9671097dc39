/** The SuperOffice simulator's public face: what tests, the demo and the benchmarks import. */
export { SuperOfficeSimulator, startSuperOfficeSimulator, type SuperOfficeSimulatorOptions } from './simulator';
export type {
	SoContact,
	SoMember,
	SoPerson,
	SoRelation,
	SoSelection,
	SoSelectionKind,
	SoWebhook,
	SoWebhookState,
	SuperOfficeState,
	SuperOfficeStats,
} from './state';
export { signSuperOfficePayload, type SoDelivery, type SoEventInput } from './webhookDelivery';
// Kept here because receivers in tests have always imported it from the SuperOffice simulator.
export { postTo } from '../common/delivery';
