// WPS's local add-in service (http://127.0.0.1:58890) in memory, as WPS's own publish page speaks
// to it (wpsjs 2.2.3, src/lib/res/publish.html; docs/wps.md): POST /version answers the service's
// version, /publishlist the add-ins this user installed (publish.xml) as JSON, and
// /deployaddons/runParams takes {cmd, name, url, addonType, online, version, customDomain} as JSON
// in base64 (wrapped as {serverId, data} by a page built for several users) and answers "OK".
// Until the page starts it through ksoWPSCloudSvr://start=RelayHttpServer nothing answers; while
// WPS itself is not up, the service answers non-200 with {"data":"Subserver not available."}.

/** An add-in as the service lists it. */
export interface PublishedAddin {
  name: string;
  addonType: string;
  url: string;
  online: string;
  version?: string;
  customDomain?: string;
  /** "false" once removed: WPS keeps the entry, disabled. */
  enable: 'true' | 'false';
}

export interface ServiceAnswer {
  status: number;
  text: string;
}

export const SERVICE_VERSION = '1.0.2';
const START = 'ksoWPSCloudSvr://start=RelayHttpServer';

export class MemoryWpsService {
  /** off: nothing listens; relay: the service answers but WPS is not up; ready: it works. */
  state: 'off' | 'relay' | 'ready' = 'off';
  /** False on a computer without WPS: the ksoWPSCloudSvr address opens nothing. */
  wpsInstalled = true;
  /** A deployment WPS refuses answers this instead of "OK" (e.g. an address it cannot reach). */
  refuseWith: string | null = null;
  readonly installed = new Map<string, PublishedAddin>();
  /** Every request that reached the service, its body as sent. */
  readonly requests: { path: string; body: string | undefined }[] = [];
  /** The ksoWPSCloudSvr addresses the page opened. */
  readonly launches: string[] = [];

  /** What opening a ksoWPSCloudSvr:// address does: the browser hands it to WPS, which starts the service. */
  open(href: string): void {
    if (!href.startsWith(START)) return;
    this.launches.push(href);
    if (this.wpsInstalled) this.state = 'ready';
  }

  /** A POST to the service; null when nothing answers (the request fails as a network error). */
  post(path: string, body: string | undefined): ServiceAnswer | null {
    if (this.state === 'off') return null;
    this.requests.push({ path, body });
    if (this.state === 'relay') return { status: 500, text: JSON.stringify({ data: 'Subserver not available.' }) };
    if (path === '/version') return { status: 200, text: SERVICE_VERSION };
    if (path === '/publishlist') return { status: 200, text: JSON.stringify([...this.installed.values()]) };
    if (path === '/deployaddons/runParams') return this.deploy(body);
    return { status: 404, text: 'Not Found' };
  }

  private deploy(body: string | undefined): ServiceAnswer {
    const request = decode(body);
    if (!request || typeof request.name !== 'string' || typeof request.url !== 'string' || typeof request.addonType !== 'string') {
      return { status: 400, text: 'Bad Request' };
    }
    if (this.refuseWith !== null) return { status: 200, text: this.refuseWith };
    if (request.cmd !== 'enable' && request.cmd !== 'disable') return { status: 400, text: 'Bad Request' };
    const entry: PublishedAddin = {
      name: request.name,
      addonType: request.addonType,
      url: request.url,
      online: request.online,
      enable: request.cmd === 'enable' ? 'true' : 'false',
    };
    if (request.version !== undefined) entry.version = request.version;
    if (request.customDomain !== undefined) entry.customDomain = request.customDomain;
    this.installed.set(`${request.name}/${request.addonType}`, entry);
    return { status: 200, text: 'OK' };
  }
}

/** The request in a body: base64 of its JSON, or {serverId, data} around that. */
function decode(body: string | undefined): Record<string, string> | null {
  if (body === undefined) return null;
  try {
    const outer: unknown = body.trim().startsWith('{') ? JSON.parse(body) : null;
    const data = outer !== null && typeof outer === 'object' && 'data' in outer ? String((outer as { data: unknown }).data) : body;
    const json = new TextDecoder().decode(Uint8Array.from(atob(data), (c) => c.charCodeAt(0)));
    const request: unknown = JSON.parse(json);
    return request !== null && typeof request === 'object' ? (request as Record<string, string>) : null;
  } catch {
    return null;
  }
}
