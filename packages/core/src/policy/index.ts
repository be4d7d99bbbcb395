// The policy face: filled as the folder grows.
export {};
