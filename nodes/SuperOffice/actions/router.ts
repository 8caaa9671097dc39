// Runs the operation the node's Resource and Operation parameters name.
import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { unsupportedOperation } from '../../shared/router';
import * as company from './company';
import type { SuperOfficeType } from './node.type';
import * as person from './person';
import * as relation from './relation';
import * as selection from './selection';

export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const resource = this.getNodeParameter('resource', 0);
	const operation = this.getNodeParameter('operation', 0);
	const chosen = { resource, operation } as SuperOfficeType;
	switch (chosen.resource) {
		case 'selection':
			return [await selection[chosen.operation].execute.call(this)];
		case 'relation':
			return [await relation[chosen.operation].execute.call(this)];
		case 'person':
			return [await person[chosen.operation].execute.call(this)];
		case 'company':
			return [await company[chosen.operation].execute.call(this)];
	}
	throw unsupportedOperation(this.getNode(), 'SuperOffice', resource, operation);
}
