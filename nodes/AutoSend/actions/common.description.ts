// What AutoSend operations share in their descriptions: the throughput options and their defaults.
import type { INodeProperties } from 'n8n-workflow';
import type { ServiceDefaults } from '../../shared/options';
import { optionsCollection, sharedThroughputOptions } from '../../shared/options';
import { AUTOSEND } from '../transport';

/** AutoSend caps its bulk endpoints at 100 values per request; where it documents no cap, 100 is safe. */
export const VALUE_BATCHING: ServiceDefaults = {
	...AUTOSEND,
	batch: { unit: 'email addresses, contact IDs, contacts or recipients', default: 100, max: 100 },
};

const requestsPerSecond: INodeProperties = {
	displayName: 'Requests per Second',
	name: 'requestsPerSecond',
	type: 'number',
	noDataExpression: true,
	typeOptions: { minValue: 0.1, maxValue: 100, numberPrecision: 1 },
	default: 2,
	description:
		'Most requests per second for everything this n8n process sends with the same AutoSend API key; AutoSend allows 2 per key unless it raised your limit. Requests under this rate are not delayed.',
};

const valueBatchSize: INodeProperties = {
	displayName: 'Batch Size',
	name: 'batchSize',
	type: 'number',
	noDataExpression: true,
	typeOptions: { minValue: 1, maxValue: 100 },
	default: 100,
	description:
		'Most values one request carries when items are combined: email addresses, contact IDs, contacts or recipients (default and maximum 100)',
};

/** Email addresses to act on: one, a comma-separated list, or an array from an expression. */
export function emailsProperty(verb: string): INodeProperties {
	return {
		displayName: 'Emails',
		name: 'emails',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. jane@example.com, john@example.com',
		description: `One email address to ${verb}, a comma-separated list, or an expression returning an array`,
	};
}

/** The Options collection of an AutoSend operation; `combines` for operations that combine items. */
export function autoSendOptions({ combines }: { combines: boolean }): INodeProperties {
	return optionsCollection([
		...sharedThroughputOptions('AutoSend', { combines }),
		...(combines ? [valueBatchSize] : []),
		requestsPerSecond,
	]);
}
