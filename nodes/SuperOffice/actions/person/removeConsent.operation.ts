// Person › Remove Consent: RemoveConsent on the PersonAgent, one call per item. A consent that was never
// given (or already withdrawn) is the state asked for: a success, flagged alreadyRemoved.
import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';
import { ItemParameters } from '../../../shared/parameters';
import { runEach } from '../../../shared/runners';
import { personRLC } from '../../descriptions/rlc.description';
import { SUPEROFFICE } from '../../transport';
import { superOfficeOptions } from '../common.description';
import { consentKey, hasConsent, personAgent, purposeProperty } from './agent';

const properties: INodeProperties[] = [
	{ ...personRLC, description: 'The person whose consent to withdraw' },
	purposeProperty,
	superOfficeOptions({ combines: false }),
];

export const description = updateDisplayOptions(
	{ show: { resource: ['person'], operation: ['removeConsent'] } },
	properties,
);

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	const parameters = new ItemParameters(this, properties);
	const node = this.getNode();
	return await runEach(this, {
		defaults: SUPEROFFICE,
		prepare: (itemIndex) => ({
			personId: parameters.id('personId', itemIndex, { locator: true }),
			purpose: consentKey(parameters, node, itemIndex, 'purpose'),
		}),
		execute: async (context, { personId, purpose }, policy) => {
			const hadConsent = await hasConsent(context, personId, purpose, policy);
			// Sent also when no consent was found, so that the consent is off afterwards in any case.
			await personAgent(
				context,
				'RemoveConsent',
				{ PersonId: personId, Purpose: purpose },
				// Withdrawing twice leaves the consent withdrawn.
				{ action: `remove ${purpose} consent from person ${personId}`, idempotent: true },
				policy,
			);
			return { success: true, personId, purpose, alreadyRemoved: !hadConsent };
		},
	});
}
