import type { INodeProperties } from 'n8n-workflow';
import type { BatchingDefaults } from '../../shared/options';
import { batchingOptions, optionsCollection } from '../../shared/options';

/** SuperOffice's app checklist: "No more than 10 API calls per second". */
export const SUPEROFFICE_BATCHING: BatchingDefaults = { service: 'SuperOffice', requestsPerSecond: 10 };

/** SuperOffice documents no limit; these keep each request body well below typical proxy limits. */
export const MEMBER_BATCHING: BatchingDefaults = {
	...SUPEROFFICE_BATCHING,
	batch: { unit: 'members', default: 500, max: 2000 },
};

const requestsPerSecond: INodeProperties = {
	displayName: 'Requests per Second',
	name: 'requestsPerSecond',
	type: 'number',
	typeOptions: { minValue: 0.1, maxValue: 100, numberPrecision: 1 },
	default: 10,
	description:
		'Most requests this node starts per second; SuperOffice asks apps for at most 10. Requests under this rate are not delayed.',
};

const memberBatchSize: INodeProperties = {
	displayName: 'Batch Size',
	name: 'batchSize',
	type: 'number',
	typeOptions: { minValue: 1, maxValue: 2000 },
	default: 500,
	description: 'Most members one request carries when items are combined (default 500, at most 2000)',
};

/** The Options collection of a SuperOffice operation; `combines` for operations that combine items. */
export function superOfficeOptions({ combines }: { combines: boolean }): INodeProperties {
	const options: INodeProperties[] = [
		...batchingOptions('SuperOffice', { combines }),
		...(combines ? [memberBatchSize] : []),
		requestsPerSecond,
		{
			displayName: 'Fields',
			name: 'select',
			type: 'string',
			default: '',
			placeholder: 'e.g. name,department,category',
			description: 'Comma-separated list of fields SuperOffice should return ($select); others are left out',
		},
		{
			displayName: 'Language',
			name: 'language',
			type: 'string',
			default: '',
			placeholder: 'e.g. en',
			description: 'Language for texts in the answer, sent as the Accept-Language header',
		},
	];
	return optionsCollection(options);
}
