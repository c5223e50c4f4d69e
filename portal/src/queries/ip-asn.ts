/** IP ASN (the ASN professionalism index): an agency's period, every agency's, an employee's, and the run. */
import { graphql } from '../graphql';
const SUMMARY = graphql(`
  fragment IpAsnSummaryFields on IpAsnSummary {
    agencyCode
    period
    employees
    average
    category
    categoryLabel
    settingsVersion
    computedAt
    distribution {
      category
      label
      count
    }
    weights {
      dimension
      label
      weight
    }
  }
`);

export const IP_ASN_SUMMARY = graphql(
  `
    query IpAsnSummary($agencyCode: String!, $period: String!) {
      ipAsnSummary(agencyCode: $agencyCode, period: $period) {
        ...IpAsnSummaryFields
      }
    }
  `,
  [SUMMARY],
);

export const IP_ASN_SUMMARIES = graphql(`
  query IpAsnSummaries($period: String!) {
    ipAsnSummaries(period: $period) {
      agencyCode
      employees
      average
      category
      categoryLabel
      computedAt
    }
  }
`);

export const EMPLOYEE_IP_ASN = graphql(`
  query EmployeeIpAsn($nip: String!, $period: String!) {
    employeeIpAsn(nip: $nip, period: $period) {
      employeeId
      name
      period
      total
      category
      categoryLabel
      gaps
      computedAt
      dimensions {
        dimension
        label
        score
        weight
        weighted
      }
    }
  }
`);

const RUN = graphql(`
  fragment IpAsnRunFields on IpAsnRun {
    agencyCode
    period
    status
    percent
    employeesScored
    startedAt
    finishedAt
  }
`);

export const IP_ASN_RUN = graphql(
  `
    query IpAsnRun($agencyCode: String!, $period: String!) {
      ipAsnRun(agencyCode: $agencyCode, period: $period) {
        ...IpAsnRunFields
      }
    }
  `,
  [RUN],
);

export const COMPUTE_IP_ASN = graphql(
  `
    mutation ComputeIpAsn($agencyCode: String!, $period: String!) {
      computeIpAsn(agencyCode: $agencyCode, period: $period) {
        ...IpAsnRunFields
      }
    }
  `,
  [RUN],
);
