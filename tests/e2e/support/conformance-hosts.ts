/** Every fixture's conformance entries: one import and one spread per host fixture. */
import type { ConformanceHost } from './conformance';
import { conformance as gmail } from '../fixtures/hosts/gmail/conformance';
import { conformance as zendesk } from '../fixtures/hosts/zendesk/conformance';
import { conformance as outlook } from '../fixtures/hosts/outlook/conformance';
import { conformance as helpScout } from '../fixtures/hosts/help-scout/conformance';
import { conformance as front } from '../fixtures/hosts/front/conformance';
import { conformance as salesforce } from '../fixtures/hosts/salesforce/conformance';
import { conformance as inHouse } from '../fixtures/hosts/in-house/conformance';
import { conformance as hubspot } from '../fixtures/hosts/hubspot/conformance';
import { conformance as freshdesk } from '../fixtures/hosts/freshdesk/conformance';

export const conformanceHosts: ConformanceHost[] = [...gmail, ...zendesk, ...outlook, ...helpScout, ...front, ...salesforce, ...inHouse, ...hubspot, ...freshdesk];
