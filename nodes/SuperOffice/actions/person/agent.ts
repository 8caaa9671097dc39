// What the operations on the PersonAgent share (Register Bounce, Set Consent, Remove Consent): the call
// itself, the Purpose parameter and the look-up of a person's consents.
import type { IDataObject, INode, INodeProperties } from 'n8n-workflow';
import type { RequestContext, RequestPolicy } from '../../../shared/http';
import type { ItemParameters } from '../../../shared/parameters';
import { invalidInput } from '../../../shared/validation';
import { superOfficeRequest } from '../../transport';

/** SuperOffice marks a removed consent with this legal base instead of deleting it. */
const WITHDRAWN = 'WITHDRAWN';

export const purposeProperty: INodeProperties = {
	displayName: 'Purpose Name or ID',
	name: 'purpose',
	type: 'options',
	typeOptions: { loadOptionsMethod: 'getConsentPurposes' },
	default: 'EMARKETING',
	description:
		'The consent purpose, e.g. EMARKETING (bulk email) or STORE (sales and service). Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
};

/** A consent list key (purpose, source, legal base) as an item gives it: text without spaces. */
export function consentKey(parameters: ItemParameters, node: INode, itemIndex: number, name: string): string {
	const key = parameters.text(name, itemIndex, { required: true }) as string;
	if (/\s/.test(key)) {
		throw invalidInput(
			node,
			itemIndex,
			`${parameters.label(name)} "${key}" is not a key of a SuperOffice consent list`,
			'Choose from the list, or give the key itself, e.g. EMARKETING, API or 61A.',
		);
	}
	return key;
}

/** Whether the person has a consent for the purpose that is not withdrawn (GET /v1/Person/{id}/Consent). */
export async function hasConsent(
	context: RequestContext,
	personId: number,
	purpose: string,
	policy: RequestPolicy,
): Promise<boolean> {
	const consents = await superOfficeRequest.call(
		context,
		{
			method: 'GET',
			path: `/Person/${personId}/Consent`,
			action: `read the consents of person ${personId}`,
			idempotent: true,
			hints: { 404: `SuperOffice has no person ${personId}: check the ID (the person may have been deleted).` },
		},
		policy,
	);
	return (Array.isArray(consents) ? (consents as IDataObject[]) : []).some(
		(consent) =>
			String(consent.ConsentPurposeKey ?? '').toUpperCase() === purpose.toUpperCase() &&
			String(consent.LegalBaseKey ?? '').toUpperCase() !== WITHDRAWN,
	);
}

/** For Set Consent: a withdrawn legal base is what Remove Consent sets. */
export function refuseWithdrawn(node: INode, itemIndex: number, legalBase: string): void {
	if (legalBase.toUpperCase() === WITHDRAWN) {
		throw invalidInput(
			node,
			itemIndex,
			`Legal Base ${WITHDRAWN} withdraws a consent instead of giving it`,
			'Use the Remove Consent operation to withdraw a consent, or choose the legal base the consent is given on (e.g. 61A).',
		);
	}
}

/** POST /v1/Agents/Person/{method}; the agent answers 204 when done. */
export async function personAgent(
	context: RequestContext,
	method: 'AddBounce' | 'AddBounceWithDetails' | 'SetConsent' | 'RemoveConsent',
	body: IDataObject,
	{ action, idempotent }: { action: string; idempotent: boolean },
	policy: RequestPolicy,
): Promise<void> {
	await superOfficeRequest.call(
		context,
		{ method: 'POST', path: `/Agents/Person/${method}`, action, idempotent, body },
		policy,
	);
}
