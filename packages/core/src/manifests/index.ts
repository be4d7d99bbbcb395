// The manifests face: filled as the folder grows.
export {};
