// Runs the operation the node's Resource and Operation parameters name.
import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { unsupportedOperation } from '../../shared/router';
import * as contactList from './contactList';
import type { AutoSendType } from './node.type';

export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const resource = this.getNodeParameter('resource', 0);
	const operation = this.getNodeParameter('operation', 0);
	const chosen = { resource, operation } as AutoSendType;
	switch (chosen.resource) {
		case 'contactList':
			return [await contactList[chosen.operation].execute.call(this)];
	}
	throw unsupportedOperation(this.getNode(), 'AutoSend', resource, operation);
}
