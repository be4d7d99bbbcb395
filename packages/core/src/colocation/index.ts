// The colocation face: filled as the folder grows.
export {};
