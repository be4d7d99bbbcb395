// The cluster face: filled as the folder grows.
export {};
