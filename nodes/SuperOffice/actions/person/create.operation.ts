// Person › Create: SuperOffice's recommended flow, GET /v1/Person/default then POST /v1/Person with the
// template filled in. One person per item; never sent twice (a second POST would create a second person).
import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';
import { ItemParameters } from '../../../shared/parameters';
import { runEach } from '../../../shared/runners';
import { invalidInput } from '../../../shared/validation';
import {
	collectionText,
	fieldsCollection,
	oneElement,
	readCustomFields,
	simplifyProperty,
	withCustomFields,
} from '../../descriptions/records.description';
import { companyRLC } from '../../descriptions/rlc.description';
import { SUPEROFFICE } from '../../transport';
import { superOfficeOptions } from '../common.description';
import { createEntity, recordShape, shaped } from '../entity';
import { nameFields, personFields, simplePerson } from './person';

const properties: INodeProperties[] = [
	// SuperOffice needs a first or a last name; which one is checked per item.
	...nameFields,
	{ ...companyRLC, description: 'The company the person belongs to' },
	fieldsCollection('additionalFields', personFields),
	simplifyProperty,
	superOfficeOptions({ combines: false, returnsRecords: true }),
];

export const description = updateDisplayOptions({ show: { resource: ['person'], operation: ['create'] } }, properties);

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	const parameters = new ItemParameters(this, properties);
	const node = this.getNode();
	return await runEach(this, {
		defaults: SUPEROFFICE,
		prepare: (itemIndex) => {
			const firstName = parameters.text('firstName', itemIndex) ?? '';
			const lastName = parameters.text('lastName', itemIndex) ?? '';
			if (firstName === '' && lastName === '') {
				throw invalidInput(
					node,
					itemIndex,
					'First Name and Last Name are both empty',
					'SuperOffice needs a name for a person: enter a first name, a last name or both.',
				);
			}
			const fields = parameters.collection('additionalFields', itemIndex);
			return {
				firstName,
				lastName,
				contactId: parameters.id('contactId', itemIndex, { locator: true }),
				email: collectionText(node, itemIndex, fields, 'email', 'Additional Fields › Email', { email: true }),
				phone: collectionText(node, itemIndex, fields, 'phone', 'Additional Fields › Phone'),
				title: collectionText(node, itemIndex, fields, 'title', 'Additional Fields › Title'),
				customFields: readCustomFields(node, itemIndex, fields),
				...recordShape(parameters, itemIndex),
			};
		},
		execute: async (context, item, policy) => {
			const fill = (template: IDataObject): IDataObject => ({
				...template,
				Firstname: item.firstName,
				Lastname: item.lastName,
				Contact: { ...((template.Contact as IDataObject | null) ?? {}), ContactId: item.contactId },
				...(item.email ? { Emails: oneElement(item.email) } : {}),
				...(item.phone ? { OfficePhones: oneElement(item.phone) } : {}),
				...(item.title ? { Title: item.title } : {}),
				...(item.customFields ? { CustomFields: withCustomFields(template, item.customFields) } : {}),
			});
			const person = await createEntity(context, 'Person', fill, policy, item.options);
			return shaped(person, item, simplePerson);
		},
	});
}
