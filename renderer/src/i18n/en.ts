import type zhCN from './zh-CN';

type Messages<T> = { [K in keyof T]: T[K] extends string ? string : Messages<T[K]> };

const en: Messages<typeof zhCN> = {
  app: { title: 'Window Terminal', simulated: 'Simulated devices', version: 'Version {version}' },
  nav: { reception: 'Reception', cases: 'Cases', devices: 'Devices' },
  status: {
    backend: { online: 'Centre online', offline: 'Centre offline', unknown: 'Connecting to centre' },
    queued: '{count} waiting to upload',
    allSynced: 'All uploaded',
    deadLettered: '{count} returned by the centre',
  },
  device: {
    kind: {
      'id-card-reader': 'ID card reader',
      'scanner-gun': 'Scanner gun',
      'signature-pad': 'Signature pad',
      printer: 'Printer',
      'document-scanner': 'Document scanner',
      'document-camera': 'Document camera',
    },
    state: { ready: 'Ready', absent: 'Not connected', disconnected: 'Disconnected', busy: 'In use', error: 'Fault' },
  },
  cardType: {
    resident: 'Resident ID card',
    'foreign-permanent-2017': 'Foreign permanent resident card (2017)',
    'foreign-permanent-2023': 'Foreign permanent resident card (2023)',
    'gat-residence': 'HK/Macao/Taiwan residence permit',
  },
  sex: { male: 'Male', female: 'Female', unknown: 'Unknown', unspecified: 'Unspecified' },
  reception: {
    step: { card: 'Identify', item: 'Service item', form: 'Form', done: 'Result' },
    readCard: 'Read ID card',
    reading: 'Place the card on the reader…',
    waitingForCard: 'Place the card on the reader; it is read automatically.',
    newCase: 'Next case',
    chooseItem: 'Choose a service item',
    searchItem: 'Search by name or code',
    noItems: 'The catalogue has not been synced yet. Wait or check the centre connection.',
    submit: 'Submit case',
    submitting: 'Saving…',
    saved: 'Case saved (no. {id})',
    back: 'Back',
    required: 'Required',
  },
  card: {
    name: 'Name',
    englishName: 'English name',
    sex: 'Sex',
    ethnicity: 'Ethnicity',
    birthDate: 'Date of birth',
    idNumber: 'ID number',
    address: 'Address',
    issuer: 'Issued by',
    validity: 'Valid',
    longTerm: 'Long-term',
    nationality: 'Nationality',
    passNumber: 'Pass number',
    issueCount: 'Issue count',
    warning: {
      'id-number-check-digit': 'The ID number check digit is wrong. Check that the card is genuine.',
      'card-expired': 'The card has expired. Remind the resident to renew it.',
    },
  },
  syncState: { queued: 'Waiting to upload', synced: 'Synced', failed: 'Upload failed, retrying', 'dead-letter': 'Returned by the centre' },
  cases: { title: 'Cases on this terminal', empty: 'No cases yet', item: 'Service item', applicant: 'Applicant', createdAt: 'Accepted', state: 'State' },
  fieldProblem: {
    required: '{field}: required',
    'too-long': '{field}: too long',
    'not-an-option': '{field}: choose from the list',
    'bad-date': '{field}: invalid date',
  },
  errors: {
    unknown: 'The action failed ({code}). Try again; if it keeps failing, call support.',
    'transport-closed': 'Lost the connection to the terminal services; reconnecting…',
    'rpc-invalid-params': 'The data sent was not in the expected form. Check and try again.',
    'rpc-unknown-method': 'Terminal versions do not match. Restart the terminal.',
    'rpc-malformed-message': 'Internal communication error. Restart the terminal.',
    'rpc-unauthorized': 'Unauthorised access was refused.',
    'internal-error': 'Internal error. Try again; if it keeps failing, call support.',
    'device-not-configured': 'This device is not configured at this window.',
    'case-unknown-service-item': 'This service item is retired or not synced yet. Choose again.',
    'case-invalid': 'The form needs changes:',
  },
};

export default en;
