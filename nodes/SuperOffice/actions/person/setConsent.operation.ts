// Person › Set Consent: SetConsent on the PersonAgent, one call per item, after reading the person's
// consents so that the output says whether the consent was already given.
import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';
import { ItemParameters } from '../../../shared/parameters';
import { runEach } from '../../../shared/runners';
import { personRLC } from '../../descriptions/rlc.description';
import { SUPEROFFICE } from '../../transport';
import { superOfficeOptions } from '../common.description';
import { consentKey, hasConsent, personAgent, purposeProperty, refuseWithdrawn } from './agent';

const properties: INodeProperties[] = [
	{ ...personRLC, description: 'The person who gives the consent' },
	purposeProperty,
	{
		displayName: 'Source Name or ID',
		name: 'source',
		type: 'options',
		typeOptions: { loadOptionsMethod: 'getConsentSources' },
		default: 'API',
		description:
			'Where the consent came from, e.g. API or WEBFORM. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
	},
	{
		displayName: 'Legal Base Name or ID',
		name: 'legalBase',
		type: 'options',
		typeOptions: { loadOptionsMethod: 'getLegalBases' },
		default: '61A',
		description:
			'The legal basis for processing, e.g. 61A (consent, GDPR article 6(1)(a)). Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
	},
	{
		displayName: 'Comment',
		name: 'comment',
		type: 'string',
		default: '',
		placeholder: 'e.g. Signed up on the spring campaign page',
		description: 'A note kept with the consent',
	},
	superOfficeOptions({ combines: false }),
];

export const description = updateDisplayOptions(
	{ show: { resource: ['person'], operation: ['setConsent'] } },
	properties,
);

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	const parameters = new ItemParameters(this, properties);
	const node = this.getNode();
	return await runEach(this, {
		defaults: SUPEROFFICE,
		prepare: (itemIndex) => {
			const legalBase = consentKey(parameters, node, itemIndex, 'legalBase');
			refuseWithdrawn(node, itemIndex, legalBase);
			return {
				personId: parameters.id('personId', itemIndex, { locator: true }),
				purpose: consentKey(parameters, node, itemIndex, 'purpose'),
				source: consentKey(parameters, node, itemIndex, 'source'),
				legalBase,
				comment: parameters.text('comment', itemIndex) ?? '',
			};
		},
		execute: async (context, { personId, purpose, source, legalBase, comment }, policy) => {
			const alreadyConsented = await hasConsent(context, personId, purpose, policy);
			await personAgent(
				context,
				'SetConsent',
				{ PersonId: personId, Purpose: purpose, Source: source, LegalBase: legalBase, Comment: comment },
				// Setting the same consent again leaves the same consent.
				{ action: `set ${purpose} consent for person ${personId}`, idempotent: true },
				policy,
			);
			return { success: true, personId, purpose, source, legalBase, alreadyConsented };
		},
	});
}
