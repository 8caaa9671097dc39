// Runs the operation the node's Resource and Operation parameters name.
import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { unsupportedOperation } from '../../shared/router';
import * as contact from './contact';
import * as contactList from './contactList';
import * as email from './email';
import * as event from './event';
import type { AutoSendType } from './node.type';
import * as suppression from './suppression';

export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const resource = this.getNodeParameter('resource', 0);
	const operation = this.getNodeParameter('operation', 0);
	const chosen = { resource, operation } as AutoSendType;
	switch (chosen.resource) {
		case 'contact':
			return [await contact[chosen.operation].execute.call(this)];
		case 'contactList':
			return [await contactList[chosen.operation].execute.call(this)];
		case 'email':
			return [await email[chosen.operation].execute.call(this)];
		case 'event':
			return [await event[chosen.operation].execute.call(this)];
		case 'suppression':
			return [await suppression[chosen.operation].execute.call(this)];
	}
	throw unsupportedOperation(this.getNode(), 'AutoSend', resource, operation);
}
