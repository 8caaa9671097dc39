// Contact List › Create: one new list per item (names are unique in a project).
import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';
import { ItemParameters } from '../../../shared/parameters';
import { runEach } from '../../../shared/runners';
import { AUTOSEND, autoSendRequest } from '../../transport';
import { maxLength } from '../checks';
import { autoSendOptions } from '../common.description';

const properties: INodeProperties[] = [
	{
		displayName: 'Name',
		name: 'name',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. Newsletter subscribers',
		description: 'Name of the new list, unique in the project (at most 200 characters)',
	},
	{
		displayName: 'Description',
		name: 'description',
		type: 'string',
		default: '',
		placeholder: 'e.g. Signed up on the website',
		description: 'What the list is for (at most 500 characters)',
	},
	autoSendOptions({ combines: false }),
];

export const description = updateDisplayOptions(
	{ show: { resource: ['contactList'], operation: ['create'] } },
	properties,
);

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	const parameters = new ItemParameters(this, properties);
	const node = this.getNode();
	return await runEach(this, {
		defaults: AUTOSEND,
		prepare: (itemIndex) => ({
			name: maxLength(node, itemIndex, 'Name', parameters.text('name', itemIndex, { required: true }), 200)!,
			description: maxLength(node, itemIndex, 'Description', parameters.text('description', itemIndex), 500),
		}),
		execute: async (context, { name, description: text }, policy) =>
			await autoSendRequest.call(
				context,
				{
					method: 'POST',
					path: '/contact-lists',
					action: `create contact list "${name}"`,
					// A second create after a lost answer would fail on the name or make a second list.
					idempotent: false,
					body: { name, ...(text ? { description: text } : {}) },
					hints: {
						409: 'List names are unique in a project: pick the existing list (Get Many, or From List), or choose another name.',
					},
				},
				policy,
			),
	});
}
