import { error, type RequestEvent } from '@sveltejs/kit';
import { m } from '../../paraglide/messages';
import { log } from '../log';

/**
 * The client's address for throttling. Behind a proxy (ADDRESS_HEADER set) the adapter
 * throws when the header is missing, which a request straight to an instance is: that was
 * a 500. It is a plain 400 now, logged for the operator, who should not expose instances.
 */
export function clientAddress(event: Pick<RequestEvent, 'getClientAddress' | 'locals'>): string {
	try {
		return event.getClientAddress();
	} catch {
		log.warn(
			{ event: 'address_header_missing', requestId: event.locals.requestId },
			'a request without the address header reached the instance past the proxy'
		);
		error(400, m.error_no_client_address());
	}
}
