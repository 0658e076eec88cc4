/** The printing records live in the domain so the contract can carry them. */
export * from '../../domain/printing';
