// What the Person operations share: the simplified person, and the columns Get Many asks the Person list for.
import type { IDataObject, INodeProperties } from 'n8n-workflow';
import { customFieldsOptions, elementValues } from '../../descriptions/records.description';
import { rowId } from '../archiveRows';

/** The fields a workflow needs of a PersonEntity (GET /v1/Person/{id}, POST, PATCH). */
export function simplePerson(entity: IDataObject): IDataObject {
	const contact = (entity.Contact ?? {}) as IDataObject;
	const emails = elementValues(entity.Emails);
	return {
		personId: entity.PersonId,
		contactId: contact.ContactId ?? 0,
		firstName: entity.Firstname ?? '',
		lastName: entity.Lastname ?? '',
		fullName: entity.FullName ?? '',
		title: entity.Title ?? '',
		companyName: contact.Name ?? '',
		email: emails[0] ?? '',
		emails,
		phone: elementValues(entity.OfficePhones)[0] ?? '',
		mobilePhone: elementValues(entity.MobilePhones)[0] ?? '',
		updatedDate: entity.UpdatedDate ?? null,
		createdDate: entity.CreatedDate ?? null,
		customFields: entity.CustomFields ?? {},
	};
}

/** Person list columns (the Person archive provider) behind the simplified row. */
export const PERSON_COLUMNS = [
	'personId',
	'contactId',
	'firstName',
	'lastName',
	'fullName',
	'title',
	'personContact/name',
	'email/emailAddress',
	'personDirectPhone/formattedNumber',
	'personMobilePhone/formattedNumber',
	'personUpdatedDate',
	'personRegisteredDate',
].join(',');

/** A Person list row with PERSON_COLUMNS, named as simplePerson names them. */
export function simplePersonRow(row: IDataObject): IDataObject {
	return {
		personId: rowId(row.personId ?? row.PrimaryKey),
		contactId: rowId(row.contactId),
		firstName: row.firstName ?? '',
		lastName: row.lastName ?? '',
		fullName: row.fullName ?? '',
		title: row.title ?? '',
		companyName: row['personContact/name'] ?? '',
		email: row['email/emailAddress'] ?? '',
		phone: row['personDirectPhone/formattedNumber'] ?? '',
		mobilePhone: row['personMobilePhone/formattedNumber'] ?? '',
		updatedDate: row.personUpdatedDate ?? null,
		createdDate: row.personRegisteredDate ?? null,
	};
}

/** The person fields Create (Additional Fields) and Update (Update Fields) offer beside the names. */
export const personFields: INodeProperties[] = [
	...customFieldsOptions('getPersonCustomFields', 'person'),
	{
		displayName: 'Email',
		name: 'email',
		type: 'string',
		default: '',
		placeholder: 'e.g. kari@example.com',
		description: "The person's email address (on update, it replaces the person's addresses)",
	},
	{
		displayName: 'Phone',
		name: 'phone',
		type: 'string',
		default: '',
		placeholder: 'e.g. +47 22 33 44 55',
		description: "The person's office phone number (on update, it replaces the person's office numbers)",
	},
	{
		displayName: 'Title',
		name: 'title',
		type: 'string',
		default: '',
		placeholder: 'e.g. Marketing Manager',
		description: "The person's job title",
	},
];

/** First Name and Last Name, as Create asks for them and Update offers them. */
export const nameFields: INodeProperties[] = [
	{
		displayName: 'First Name',
		name: 'firstName',
		type: 'string',
		default: '',
		placeholder: 'e.g. Kari',
		description: "The person's first name",
	},
	{
		displayName: 'Last Name',
		name: 'lastName',
		type: 'string',
		default: '',
		placeholder: 'e.g. Nordmann',
		description: "The person's last name",
	},
];
