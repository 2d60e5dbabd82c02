/** Volume detection: what the engine and the Dock screen import. */
export * from './types';
export * from './linux-mounts';
export * from './linux-sysfs';
export * from './linux-source';
export * from './windows-drives';
export * from './plist';
export * from './macos-volumes';
export * from './watched-folders';
export * from './sources';
export * from './watcher';
