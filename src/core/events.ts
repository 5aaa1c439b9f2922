import { EventEmitter } from 'events';
import { Bucket } from './bucket';
import { ObjectVersion } from './model/object-version';

/** What happened to objects, for the features that react to writes (replication, ...). */
export interface CoreEvents {
  objectCreated: { bucket: Bucket; version: ObjectVersion; via: string };
  objectRemoved: { bucket: Bucket; key: string; versionId?: string; deleteMarker?: ObjectVersion };
}

export class CoreEventBus {
  private readonly emitter = new EventEmitter();

  on<E extends keyof CoreEvents>(event: E, listener: (payload: CoreEvents[E]) => void): void {
    this.emitter.on(event, listener);
  }

  emit<E extends keyof CoreEvents>(event: E, payload: CoreEvents[E]): void {
    this.emitter.emit(event, payload);
  }
}
