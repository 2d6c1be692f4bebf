/// <reference types="vite/client" />

// libavoid-js's "types" entry names a file it does not ship; renderer/canvas/avoid.ts casts to arguments/layout/routing.ts's AvoidLibrary.
declare module 'libavoid-js' {
  export const AvoidLib: unknown;
}
