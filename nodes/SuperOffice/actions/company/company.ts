// What the Company (Contact) operations share: the simplified company, and the columns Get Many asks the
// Contact list for.
import type { IDataObject, INodeProperties } from 'n8n-workflow';
import { customFieldsOptions, elementValues } from '../../descriptions/records.description';
import { rowId } from '../archiveRows';

/** The fields a workflow needs of a ContactEntity (GET /v1/Contact/{id}, POST, PATCH). */
export function simpleCompany(entity: IDataObject): IDataObject {
	const emails = elementValues(entity.Emails);
	return {
		contactId: entity.ContactId,
		name: entity.Name ?? '',
		department: entity.Department ?? '',
		orgNr: entity.OrgNr ?? '',
		email: emails[0] ?? '',
		emails,
		phone: elementValues(entity.Phones)[0] ?? '',
		updatedDate: entity.UpdatedDate ?? null,
		createdDate: entity.CreatedDate ?? null,
		customFields: entity.CustomFields ?? {},
	};
}

/** Contact list columns (the Contact archive provider) behind the simplified row. */
export const COMPANY_COLUMNS = [
	'contactId',
	'name',
	'department',
	'orgnr',
	'email/emailAddress',
	'phone/formattedNumber',
	'updatedDate',
	'registeredDate',
].join(',');

/** A Contact list row with COMPANY_COLUMNS, named as simpleCompany names them. */
export function simpleCompanyRow(row: IDataObject): IDataObject {
	return {
		contactId: rowId(row.contactId ?? row.PrimaryKey),
		name: row.name ?? '',
		department: row.department ?? '',
		orgNr: row.orgnr ?? '',
		email: row['email/emailAddress'] ?? '',
		phone: row['phone/formattedNumber'] ?? '',
		updatedDate: row.updatedDate ?? null,
		createdDate: row.registeredDate ?? null,
	};
}

/** The company fields Create (Additional Fields) and Update (Update Fields) offer beside the name. */
export const companyFields: INodeProperties[] = [
	...customFieldsOptions('getCompanyCustomFields', 'company'),
	{
		displayName: 'Department',
		name: 'department',
		type: 'string',
		default: '',
		placeholder: 'e.g. Sales',
		description: 'The department, when a company is registered once per department',
	},
	{
		displayName: 'Email',
		name: 'email',
		type: 'string',
		default: '',
		placeholder: 'e.g. post@example.com',
		description: "The company's email address (on update, it replaces the company's addresses)",
	},
	{
		displayName: 'Organization Number',
		name: 'orgNr',
		type: 'string',
		default: '',
		placeholder: 'e.g. NO912345678',
		description: 'The organization (VAT) number',
	},
	{
		displayName: 'Phone',
		name: 'phone',
		type: 'string',
		default: '',
		placeholder: 'e.g. +47 22 00 00 00',
		description: "The company's phone number (on update, it replaces the company's numbers)",
	},
];

/** The company's name: required on Create, one of the Update Fields. */
export const nameField: INodeProperties = {
	displayName: 'Name',
	name: 'name',
	type: 'string',
	default: '',
	placeholder: 'e.g. Nordic Bikes AS',
	description: "The company's name",
};
