// Option lists for the Person and Company (Contact) operations, read from the tenant: its published custom
// fields, and its consent purposes, sources and legal bases.
import type { IDataObject, ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';
import { superOfficeRequest } from '../transport';

async function read(context: ILoadOptionsFunctions, path: string, what: string): Promise<IDataObject[]> {
	const response = await superOfficeRequest.call(context, {
		method: 'GET',
		path,
		action: `list ${what}`,
		idempotent: true,
	});
	return Array.isArray(response) ? (response as IDataObject[]) : [];
}

/** FieldInfoBase rows: labelled by their display name, valued by the FieldName CustomFields is keyed by. */
async function customFields(
	context: ILoadOptionsFunctions,
	entity: 'Person' | 'Contact',
): Promise<INodePropertyOptions[]> {
	const fields = await read(
		context,
		`/${entity}/CustomField`,
		`${entity === 'Person' ? 'person' : 'company'} custom fields`,
	);
	return fields
		.filter((field) => field.IsReadOnly !== true && typeof field.FieldName === 'string')
		.sort((a, b) => Number(a.Rank ?? 0) - Number(b.Rank ?? 0))
		.map((field) => ({
			name: `${String(field.DisplayName || field.FieldName)} (${String(field.FieldName)})`,
			value: String(field.FieldName),
			description: [field.FieldType, field.Description].filter(Boolean).join(': '),
		}));
}

/** A consent list's items that are not deleted, valued by their Key, which the consent agents take. */
async function consentList(
	context: ILoadOptionsFunctions,
	listName: string,
	what: string,
): Promise<INodePropertyOptions[]> {
	const items = await read(context, `/List/${listName}/Items`, what);
	return items
		.filter((item) => item.Deleted !== true && typeof item.Key === 'string' && item.Key !== '')
		.sort((a, b) => Number(a.Rank ?? 0) - Number(b.Rank ?? 0))
		.map((item) => ({
			name: `${String(item.Name || item.Key)} (${String(item.Key)})`,
			value: String(item.Key),
			...(item.Tooltip ? { description: String(item.Tooltip) } : {}),
		}));
}

export async function getPersonCustomFields(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	return await customFields(this, 'Person');
}

export async function getCompanyCustomFields(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	return await customFields(this, 'Contact');
}

export async function getConsentPurposes(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	return await consentList(this, 'ConsentPurpose', 'consent purposes');
}

export async function getConsentSources(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	return await consentList(this, 'ConsentSource', 'consent sources');
}

export async function getLegalBases(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	return await consentList(this, 'LegalBase', 'legal bases');
}
