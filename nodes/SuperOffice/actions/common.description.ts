// What SuperOffice operations share in their descriptions: the throughput options and their defaults.
import type { INodeProperties } from 'n8n-workflow';
import type { ServiceDefaults } from '../../shared/options';
import { optionsCollection, sharedThroughputOptions } from '../../shared/options';
import type { ItemParameters } from '../../shared/parameters';
import type { SuperOfficeResponseOptions } from '../transport';
import { SUPEROFFICE } from '../transport';

/** SuperOffice documents no limit on members per request; these keep each body well below typical proxy limits. */
export const MEMBER_BATCHING: ServiceDefaults = {
	...SUPEROFFICE,
	batch: { unit: 'members', default: 500, max: 2000 },
};

const requestsPerSecond: INodeProperties = {
	displayName: 'Requests per Second',
	name: 'requestsPerSecond',
	type: 'number',
	noDataExpression: true,
	typeOptions: { minValue: 0.1, maxValue: 100, numberPrecision: 1 },
	default: 10,
	description:
		'Most requests per second for everything this n8n process sends with the same SuperOffice credential; SuperOffice asks apps for at most 10. Requests under this rate are not delayed.',
};

const memberBatchSize: INodeProperties = {
	displayName: 'Batch Size',
	name: 'batchSize',
	type: 'number',
	noDataExpression: true,
	typeOptions: { minValue: 1, maxValue: 2000 },
	default: 500,
	description: 'Most members one request carries when items are combined (default 500, at most 2000)',
};

/** Options that shape what SuperOffice returns: only for operations that return records. */
const responseOptions: INodeProperties[] = [
	{
		displayName: 'Fields',
		name: 'select',
		type: 'string',
		default: '',
		placeholder: 'e.g. personId,firstname,lastname',
		description: 'Comma-separated list of fields SuperOffice should return ($select); others are left out',
	},
	{
		displayName: 'Language',
		name: 'language',
		type: 'string',
		default: '',
		placeholder: 'e.g. en',
		description: 'Language for texts in the answer (list items, …), sent as the Accept-Language header',
	},
];

/** Fields and Language as one item sets them, for superOfficeRequest's `options`. */
export function responseOptionsOf(parameters: ItemParameters, itemIndex: number): SuperOfficeResponseOptions {
	const { select, language } = parameters.collection('options', itemIndex);
	return {
		select: typeof select === 'string' ? select : undefined,
		language: typeof language === 'string' ? language : undefined,
	};
}

/**
 * The Options collection of a SuperOffice operation: the throughput options (read once per run), plus
 * Batch Size for operations that combine items, plus Fields and Language for operations that return records.
 */
export function superOfficeOptions({
	combines,
	returnsRecords = false,
}: {
	combines: boolean;
	returnsRecords?: boolean;
}): INodeProperties {
	return optionsCollection([
		...sharedThroughputOptions('SuperOffice', { combines }),
		...(combines ? [memberBatchSize] : []),
		requestsPerSecond,
		...(returnsRecords ? responseOptions : []),
	]);
}
