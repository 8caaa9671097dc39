// Company (Contact) › Create: SuperOffice's recommended flow, GET /v1/Contact/default then POST /v1/Contact
// with the template filled in. One company per item; never sent twice (a second POST would create a second one).
import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';
import { ItemParameters } from '../../../shared/parameters';
import { runEach } from '../../../shared/runners';
import {
	collectionText,
	fieldsCollection,
	oneElement,
	readCustomFields,
	simplifyProperty,
	withCustomFields,
} from '../../descriptions/records.description';
import { SUPEROFFICE } from '../../transport';
import { superOfficeOptions } from '../common.description';
import { createEntity, recordShape, shaped } from '../entity';
import { companyFields, nameField, simpleCompany } from './company';

const properties: INodeProperties[] = [
	{ ...nameField, required: true },
	fieldsCollection('additionalFields', companyFields),
	simplifyProperty,
	superOfficeOptions({ combines: false, returnsRecords: true }),
];

export const description = updateDisplayOptions({ show: { resource: ['company'], operation: ['create'] } }, properties);

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	const parameters = new ItemParameters(this, properties);
	const node = this.getNode();
	return await runEach(this, {
		defaults: SUPEROFFICE,
		prepare: (itemIndex) => {
			const fields = parameters.collection('additionalFields', itemIndex);
			const text = (key: string, label: string, email = false) =>
				collectionText(node, itemIndex, fields, key, `Additional Fields › ${label}`, { email });
			return {
				name: parameters.text('name', itemIndex, { required: true }) as string,
				department: text('department', 'Department'),
				orgNr: text('orgNr', 'Organization Number'),
				email: text('email', 'Email', true),
				phone: text('phone', 'Phone'),
				customFields: readCustomFields(node, itemIndex, fields),
				...recordShape(parameters, itemIndex),
			};
		},
		execute: async (context, item, policy) => {
			const fill = (template: IDataObject): IDataObject => ({
				...template,
				Name: item.name,
				...(item.department ? { Department: item.department } : {}),
				...(item.orgNr ? { OrgNr: item.orgNr } : {}),
				...(item.email ? { Emails: oneElement(item.email) } : {}),
				...(item.phone ? { Phones: oneElement(item.phone) } : {}),
				...(item.customFields ? { CustomFields: withCustomFields(template, item.customFields) } : {}),
			});
			const company = await createEntity(context, 'Contact', fill, policy, item.options);
			return shaped(company, item, simpleCompany);
		},
	});
}
