/// <reference lib="webworker" />
/*
 * The console's service worker, in place of Vaadin's default (which precaches the whole frontend bundle and
 * the app shell). The console is server-side and useless without the box, so this worker keeps only what the
 * offline page needs, and every page, push connection, API call and health poll goes to the network as if
 * there were no worker: nothing the console serves can come from a stale cache, and a phone that installs the
 * app downloads a few kilobytes in the background instead of the whole bundle.
 */
import { clientsClaim } from 'workbox-core';
import { matchPrecache, precacheAndRoute } from 'workbox-precaching';
import type { PrecacheEntry } from 'workbox-precaching/_types';
import { NavigationRoute, registerRoute } from 'workbox-routing';
import { NetworkOnly } from 'workbox-strategies';

declare var self: ServiceWorkerGlobalScope & {
  __WB_DISABLE_DEV_LOGS: boolean;
  additionalManifestEntries?: Array<PrecacheEntry>;
};
// AppShell's @PWA offlinePath (Flow precaches it under this name). Not Vite's OFFLINE_PATH: the production
// build here defines that as "." whatever @PWA says, which would answer an unreachable box with nothing.
const OFFLINE_PAGE = 'offline.html';

self.__WB_DISABLE_DEV_LOGS = true;
// written by Flow from @PWA: the offline page, the icons and the manifest, each with its revision
importScripts('sw-runtime-resources-precache.js');

self.skipWaiting();
clientsClaim();

let connectionLost = false;
const network = new NetworkOnly({
  plugins: [{
    async fetchDidFail() {
      connectionLost = true;
    },
    async fetchDidSucceed({ response }) {
      connectionLost = false;
      return response;
    },
  }],
});

// A page opened or reloaded while the box cannot be reached shows the offline page; any answer of the
// server (a login redirect, the reboot's /waiting page, an error page) is shown as it came.
registerRoute(new NavigationRoute(async (context) => {
  try {
    return await network.handle(context);
  } catch (error) {
    const offline = await matchPrecache(OFFLINE_PAGE);
    if (offline) {
      return offline;
    }
    throw error;
  }
}));

precacheAndRoute(self.additionalManifestEntries ?? []);

// Vaadin's client asks the worker whether the connection is lost (ConnectionStateStore)
self.addEventListener('message', (event) => {
  if (typeof event.data === 'object' && event.data?.method === 'Vaadin.ServiceWorker.isConnectionLost' && 'id' in event.data) {
    event.source?.postMessage({ id: event.data.id, result: connectionLost }, []);
  }
});
